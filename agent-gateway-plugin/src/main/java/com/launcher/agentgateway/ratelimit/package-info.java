/**
 * Per-agent limits: a burst and a sustained request rate, and a daily write budget, kept
 * in PostgreSQL so that every node shares one count.
 */
package com.launcher.agentgateway.ratelimit;
