package com.launcher.agentgateway.core;

/**
 * Names a caught failure for a log line. Logs are read by more people, and kept in more
 * places, than the audit log, so a failure's message stays out of them: it can quote a
 * row's values (an owner's e-mail address, an audit event's details). What an operator
 * needs is the failure's type and, for a database's, the driver's SQLState: a statement
 * ended by its bound ({@code 57014}) calls for other work than a lost connection (class
 * {@code 08}, whose name adds the server the driver tried). The domain cannot see the
 * driver's types, so the persistence adapter names them ({@code persistence.SqlFailures})
 * and the configuration hands that in.
 */
@FunctionalInterface
public interface FailureNames {

	/**
	 * @param failure what was caught
	 * @return its type, and what else may be logged of it
	 */
	String of(Throwable failure);

	/**
	 * The failure as an unexpected one is logged: where it happened (every stack trace,
	 * every cause) without what it said, each message replaced by its {@link #of name}.
	 * @param failure what was caught
	 * @return a copy that carries no message of the original chain
	 */
	default Throwable withoutMessages(Throwable failure) {
		return named(failure, 0);
	}

	private Throwable named(Throwable failure, int depth) {
		Throwable cause = failure.getCause();
		// A chain that loops, or one deeper than any real one, ends here.
		Throwable namedCause = (cause != null && depth < 16) ? named(cause, depth + 1) : null;
		NamedFailure copy = new NamedFailure(of(failure), namedCause);
		copy.setStackTrace(failure.getStackTrace());
		return copy;
	}

	/** A failure that says only its original's name. */
	final class NamedFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NamedFailure(String name, Throwable cause) {
			super(name, cause, false, true);
		}

	}

}
