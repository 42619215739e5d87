package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.budget.CallClass;
import com.launcher.agentgateway.budget.TaskerBudgetSettings;
import com.launcher.agentgateway.budget.TaskerBudgetStatus;
import com.launcher.agentgateway.budget.TaskerBudgetStore;
import com.launcher.agentgateway.budget.TaskerCaller;
import org.apache.ibatis.session.SqlSession;

/**
 * The Tasker budget in PostgreSQL, shared by every node: an attempt to spend is one
 * statement, whether it is admitted or queued ({@code TaskerBudgetMapper.xml}).
 */
public class MybatisTaskerBudgetStore implements TaskerBudgetStore {

	private final TaskerBudgetMapper budget;

	public MybatisTaskerBudgetStore(SqlSession sessions) {
		this.budget = sessions.getMapper(TaskerBudgetMapper.class);
	}

	@Override
	public Attempt tryAdmit(Request request) {
		TaskerBudgetSettings settings = request.settings();
		TaskerCaller caller = request.caller();
		CallClass callClass = caller.callClass();
		TaskerBudgetMapper.AdmitRow row = this.budget
			.admit(new TaskerBudgetMapper.Admit(request.waiterId(), callClass.priority(), caller.agentId(),
					caller.ownerId(), request.cost(), settings.burst(), settings.perSecond(),
					settings.reserve(callClass), settings.cap(callClass), request.hold().toMillis(), request.now()));
		if (row.admitted()) {
			return Attempt.ADMITTED;
		}
		// How long until the bucket could hold this call's cost, its reserve and every
		// call ranked before it, if nothing else came first; a 429's pause comes first,
		// and the bucket refills only after it.
		double seconds = row.pausedSeconds() + Math.max(0,
				(request.cost() + settings.reserve(callClass) + row.ahead() - row.tokens()) / settings.perSecond());
		if (row.classUsed() + request.cost() > settings.cap(callClass)) {
			seconds = Math.max(seconds, row.classFreesSeconds());
		}
		return new Attempt(false, Duration.ofMillis((long) Math.ceil(seconds * 1000)));
	}

	@Override
	public void giveUp(UUID waiterId, TaskerCaller caller, Instant now) {
		this.budget.giveUp(new TaskerBudgetMapper.Caller(waiterId, caller.callClass().priority(), caller.agentId(),
				caller.ownerId(), now));
	}

	@Override
	public void charge(TaskerCaller caller, int cost, TaskerBudgetSettings settings, Instant now) {
		this.budget.charge(new TaskerBudgetMapper.Charge(caller.callClass().priority(), caller.agentId(),
				caller.ownerId(), cost, settings.burst(), settings.perSecond(), now));
	}

	@Override
	public void pause(Duration retryAfter, Instant now) {
		this.budget.pause(new TaskerBudgetMapper.Pause(retryAfter.toMillis(), now));
	}

	@Override
	public TaskerBudgetStatus status(TaskerBudgetSettings settings, Instant now) {
		TaskerBudgetMapper.BucketRow bucket = this.budget
			.bucket(new TaskerBudgetMapper.Bucket(settings.burst(), settings.perSecond(), now));
		Map<CallClass, Integer> used = new EnumMap<>(CallClass.class);
		Map<CallClass, Integer> refused = new EnumMap<>(CallClass.class);
		Map<CallClass, Integer> waiting = new EnumMap<>(CallClass.class);
		for (TaskerBudgetMapper.CountRow row : this.budget.counts(new TaskerBudgetMapper.Clock(now))) {
			Map<CallClass, Integer> counts = switch (row.kind()) {
				case "used" -> used;
				case "refused" -> refused;
				default -> waiting;
			};
			counts.put(CallClass.values()[row.callClass()], (int) row.n());
		}
		Instant paused = bucket.pausedUntil().isAfter(bucket.at()) ? bucket.pausedUntil() : null;
		return new TaskerBudgetStatus(bucket.at(), settings.perMinute(), settings.burst(), bucket.tokens(), used,
				refused, waiting, paused);
	}

}
