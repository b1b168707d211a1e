package io.rateguard.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheGeneratedBlockAndKeepsTheProseAroundIt() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Title\n\nprose\n\n" + BenchReport.BEGIN + "\nold table\n" + BenchReport.END + "\n\nafter\n");
        BenchReport.writeInto(doc, "new table\n");
        BenchReport.writeInto(doc, "newer table\n");
        assertEquals("# Title\n\nprose\n\n" + BenchReport.BEGIN + "\nnewer table\n" + BenchReport.END + "\n\nafter\n",
                Files.readString(doc));
    }

    @Test
    void aDocumentWithoutTheMarkersIsNeverOverwritten() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "hand-written only\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BenchReport.writeInto(doc, "t\n"));
        assertTrue(e.getMessage().contains("no generated block"), e.getMessage());
        assertEquals("hand-written only\n", Files.readString(doc));
    }

    @Test
    void aMissingDocumentIsCreatedWithTheBlock() throws Exception {
        Path doc = dir.resolve("sub/benchmarks.md");
        BenchReport.writeInto(doc, "t\n");
        assertTrue(Files.readString(doc).contains(BenchReport.BEGIN + "\nt\n" + BenchReport.END));
    }
}
