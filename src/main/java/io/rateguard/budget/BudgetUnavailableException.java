package io.rateguard.budget;

/**
 * A shared budget's store cannot be reached and the user chose not to fall back to a local
 * budget: the caller ends the test with this message (it never holds a password).
 */
public class BudgetUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BudgetUnavailableException(String message) {
        super(message);
    }
}
