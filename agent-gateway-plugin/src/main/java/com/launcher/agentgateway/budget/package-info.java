/**
 * The Tasker budget (DESIGN §5, issue 14): every call the plugin makes to Tasker spends
 * one budget that all nodes share in PostgreSQL, sized below Plane's per-key limit. Calls
 * carry a {@link com.launcher.agentgateway.budget.CallClass} and who asks, so writes go
 * first, the sync spends only what others leave, and no agent or owner starves the
 * others. Callers name themselves with a
 * {@link com.launcher.agentgateway.budget.TaskerCallScope}.
 */
package com.launcher.agentgateway.budget;
