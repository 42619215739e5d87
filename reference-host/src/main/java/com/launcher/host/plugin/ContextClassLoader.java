package com.launcher.host.plugin;

import java.util.function.Supplier;

/**
 * Runs a plugin's code with its class loader as the thread's context class loader: the
 * libraries a plugin brings (Liquibase, MyBatis, Spring's own scanning) find their
 * resources and classes through it, not through the host's.
 */
final class ContextClassLoader {

	private ContextClassLoader() {
	}

	static <T> T with(ClassLoader loader, Supplier<T> action) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			return action.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	static void with(ClassLoader loader, Runnable action) {
		with(loader, () -> {
			action.run();
			return null;
		});
	}

}
