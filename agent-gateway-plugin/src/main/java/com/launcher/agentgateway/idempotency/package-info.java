/**
 * Idempotency of write tools (security.md, "Idempotency of writes"): key validation, the
 * canonical fingerprint of a call, and the claim / complete / release / reconcile
 * protocol over a store whose claims are decided by a database unique constraint.
 */
package com.launcher.agentgateway.idempotency;
