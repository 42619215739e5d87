/**
 * Agent identities: each agent is its own identity with a separate owner (a Launcher
 * user) and creator; owners manage their own agents, platform admins manage all. Also the
 * owner lifecycle: what happens to agents when an owner is blocked, annulled or
 * reactivated.
 */
package com.launcher.agentgateway.agent;
