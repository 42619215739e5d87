/**
 * Project grants: per agent, per Tasker project, READ or WRITE. Grants are the ceiling of
 * what an agent can touch, and can only be made for projects the owner is a member of.
 */
package com.launcher.agentgateway.grant;
