/**
 * The append-only, hash-chained audit log: one event per admin action, per token-use
 * decision and per lifecycle cascade, naming both the agent and its owner.
 */
package com.launcher.agentgateway.audit;
