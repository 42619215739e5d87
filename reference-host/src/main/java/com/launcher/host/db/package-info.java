/**
 * The host's PostgreSQL: embedded (zonky) when no {@code spring.datasource.url} is set,
 * otherwise the configured server; the host's own Liquibase changelog.
 */
package com.launcher.host.db;
