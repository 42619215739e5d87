/**
 * PostgreSQL implementations of the domain's ports, on MyBatis: each store's SQL is in
 * its mapper file under {@code db/agent-gateway/mappers/}, every value a bound parameter.
 * Rows that do not map straight onto a domain record are read into row records, converted
 * here. {@link com.launcher.agentgateway.persistence.PgChangeListener} alone speaks plain
 * JDBC.
 */
package com.launcher.agentgateway.persistence;
