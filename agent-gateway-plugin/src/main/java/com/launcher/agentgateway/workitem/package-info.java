/**
 * Tasker cards as the tools need them: the one port {@link WorkItems} (projects' states,
 * labels and members, cards by id or readable id, comments, the owner's membership,
 * create, update, comment) and its values. Every Tasker-authored text in these values is
 * already inert plain text. Today the only implementation calls Tasker through the host
 * ({@code tasker.TaskerWorkItems}); a read model kept in PostgreSQL can implement or
 * decorate the same port, which is why results say how fresh they are.
 */
package com.launcher.agentgateway.workitem;
