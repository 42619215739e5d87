/**
 * MyBatis implementations of the authorization server's stores on PostgreSQL (tables
 * {@code agw_oauth_*}): clients and their registration quota, authorization codes and
 * refresh tokens, the last two only as keyed hashes.
 */
package com.launcher.agentgateway.persistence.oauth;
