package com.launcher.agentgateway.agent;

/** Whether an agent may authenticate at all. */
public enum AgentStatus {

	ENABLED, DISABLED

}
