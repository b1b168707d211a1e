package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The case files under src/test/resources/cases are byte-for-byte copies of ../shared/cases, so
 * the build works without the shared folder. Where the originals exist, a changed or newly added
 * original must be copied again: this test fails until it is.
 */
class CaseFilesMatchSharedTest {

    @Test
    void copiesAreIdenticalToTheOriginals() throws IOException {
        Path project = Path.of(System.getProperty("user.dir"));
        Path shared = project.resolve("../shared/cases").normalize();
        assumeTrue(Files.isDirectory(shared), "no " + shared + ": nothing to compare with");

        List<Path> originals;
        try (Stream<Path> files = Files.list(shared)) {
            originals = files.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                    .sorted().collect(Collectors.toList());
        }
        assertTrue(!originals.isEmpty(), "no .tsv files in " + shared);
        for (Path original : originals) {
            Path copy = project.resolve("src/test/resources/cases").resolve(original.getFileName());
            assertTrue(Files.exists(copy), "missing copy of " + original + " at " + copy);
            assertEquals(-1L, Files.mismatch(original, copy), copy + " differs from " + original);
        }
    }
}
