/**
 * The read model of granted projects (DESIGN §5, issue 14): a copy of Tasker's cards,
 * comments, states, labels and members in PostgreSQL, shared by every node, fed by
 * Tasker's signed webhooks and healed by an incremental sync, so that agents' reads cost
 * no Tasker call. Every answer from the copy says when it was last known current
 * ({@code as_of}). Ports only: the copy's store, the sync's lock and the webhook
 * receiver; the adapters are in {@code tasker/}, {@code persistence/} and {@code web/}.
 */
package com.launcher.agentgateway.readmodel;
