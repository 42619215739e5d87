package com.launcher.agentgateway.persistence;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The lines a class logs while an action runs, as an operator would read them: the
 * message, then for an attached failure each of its chain's {@code class: message} after
 * a {@code " | "}, so that a test sees everything the log would print but the stack
 * frames.
 */
public final class LoggedLines {

	private LoggedLines() {
	}

	public static List<String> of(Class<?> logging, Runnable action) {
		Logger logger = (Logger) LoggerFactory.getLogger(logging);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			action.run();
		}
		finally {
			logger.detachAppender(appender);
		}
		return appender.list.stream().map(LoggedLines::line).toList();
	}

	private static String line(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(event.getFormattedMessage());
		for (IThrowableProxy failure = event.getThrowableProxy(); failure != null; failure = failure.getCause()) {
			line.append(" | ").append(failure.getClassName()).append(": ").append(failure.getMessage());
		}
		return line.toString();
	}

}
