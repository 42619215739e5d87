package com.launcher.host.api.health;

/**
 * One health check of a plugin (its database, a remote service, a listener). The host
 * calls it whenever its health is asked for, possibly from several threads at once, so a
 * check must be quick and bounded: it reports what the plugin already knows or can learn
 * in a second, and never throws on purpose (an exception is reported as {@code DOWN}).
 */
@FunctionalInterface
public interface HealthCheck {

	HealthReport check();

}
