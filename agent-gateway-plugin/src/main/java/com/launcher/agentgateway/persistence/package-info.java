/**
 * PostgreSQL implementations of the domain's ports, over Spring's JDBC template (the host
 * provides it; no ORM is bundled). Every query is parameterised.
 */
package com.launcher.agentgateway.persistence;
