package com.launcher.agentgateway.persistence;

import java.util.Locale;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * A child span for each mapper statement run while a request is traced, after the
 * OpenTelemetry database conventions: {@code db.system.name}, {@code db.operation.name}
 * (the statement's kind) and the mapper statement that ran
 * ({@code TokenMapper.findPresented}). Never the SQL text's parameters: they hold token
 * hashes, addresses and people's text. Statements outside a traced request (the owner
 * sync, the retention) make no span.
 */
@Intercepts({ @Signature(type = Executor.class, method = "update", args = { MappedStatement.class, Object.class }),
		@Signature(type = Executor.class, method = "query",
				args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }) })
public final class TracingStatementInterceptor implements Interceptor {

	private final Tracer tracer;

	public TracingStatementInterceptor(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		if (!Span.current().getSpanContext().isValid()) {
			return invocation.proceed();
		}
		MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
		String operation = statement.getSqlCommandType().name().toUpperCase(Locale.ROOT);
		Span span = this.tracer.spanBuilder(operation)
			.setSpanKind(SpanKind.CLIENT)
			.setAttribute("db.system.name", "postgresql")
			.setAttribute("db.operation.name", operation)
			.setAttribute("agent_gateway.db.statement", shortId(statement.getId()))
			.startSpan();
		try (Scope scope = span.makeCurrent()) {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			span.setStatus(StatusCode.ERROR);
			span.setAttribute("error.type", ex.getClass().getSimpleName());
			throw ex;
		}
		finally {
			span.end();
		}
	}

	// com.launcher.agentgateway.persistence.TokenMapper.findPresented ->
	// TokenMapper.findPresented
	private static String shortId(String id) {
		int method = id.lastIndexOf('.');
		int type = (method > 0) ? id.lastIndexOf('.', method - 1) : -1;
		return id.substring(type + 1);
	}

}
