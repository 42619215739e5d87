package com.launcher.agentgateway.persistence;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The lines a class logs while an action runs, as an operator would read them. */
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
		return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
