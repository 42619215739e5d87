package com.launcher.agentgateway.config;

import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.budget.SharedTaskerBudget;
import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.grant.MembershipCache;
import com.launcher.agentgateway.host.MembershipLifecycleListener;
import com.launcher.agentgateway.observe.MeteredTaskerClient;
import com.launcher.agentgateway.persistence.MybatisMembershipCache;
import com.launcher.agentgateway.persistence.MybatisTaskerBudgetStore;
import com.launcher.agentgateway.tasker.BudgetedTaskerClient;
import com.launcher.host.api.tasker.TaskerClient;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Tasker budget every node shares and the kept membership answers (issue 14). The
 * plugin's only {@link TaskerClient} bean is the host's client behind the budget, so
 * every bean that reaches Tasker spends it.
 */
@Configuration(proxyBeanMethods = false)
public class TaskerBudgetConfiguration {

	@Bean
	TaskerBudgetProperties taskerBudgetProperties(Environment environment) {
		return TaskerBudgetProperties.from(environment);
	}

	@Bean
	TaskerBudget taskerBudget(SqlSessionTemplate gatewaySqlSession, TaskerBudgetProperties properties) {
		return new SharedTaskerBudget(new MybatisTaskerBudgetStore(gatewaySqlSession), properties.budget());
	}

	@Bean
	MembershipCache membershipCache(SqlSessionTemplate gatewaySqlSession, TaskerBudgetProperties properties) {
		return new MybatisMembershipCache(gatewaySqlSession, properties.membershipBound());
	}

	// Host-owned underneath: the plugin's context must never close the host's client.
	@Bean(destroyMethod = "")
	TaskerClient taskerClient(MeteredTaskerClient meteredTaskerClient, TaskerBudget taskerBudget,
			MembershipCache membershipCache, McpConfiguration.McpProperties mcpProperties) {
		// Metered inside the budget: the meters count calls that reached Tasker.
		return new BudgetedTaskerClient(meteredTaskerClient.client(), taskerBudget, membershipCache,
				mcpProperties.edge().requestTimeout());
	}

	@Bean
	MembershipLifecycleListener membershipLifecycleListener(MembershipCache membershipCache,
			OwnerDirectory ownerDirectory, FailureNames failureNames) {
		return new MembershipLifecycleListener(membershipCache, ownerDirectory, failureNames);
	}

}
