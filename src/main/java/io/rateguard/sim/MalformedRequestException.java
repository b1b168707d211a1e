package io.rateguard.sim;

/** A request that cannot be parsed; carries the status to answer with before closing. */
final class MalformedRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    MalformedRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
