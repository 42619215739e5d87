package com.launcher.host.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.host.user.UserStatusChangedEvent;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions of this node, so that blocking or annulling a user ends their
 * sessions at once (issue 12 point 3). Sessions on other nodes end at their next request,
 * where {@link ActiveUserSessionFilter} finds the user no longer active.
 */
@Component
class HumanSessions implements HttpSessionListener {

	private static final Logger logger = LoggerFactory.getLogger(HumanSessions.class);

	private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

	@Override
	public void sessionCreated(HttpSessionEvent event) {
		this.sessions.put(event.getSession().getId(), event.getSession());
	}

	@Override
	public void sessionDestroyed(HttpSessionEvent event) {
		this.sessions.remove(event.getSession().getId());
	}

	@EventListener
	void onStatusChanged(UserStatusChangedEvent event) {
		if (event.user().isActive()) {
			return;
		}
		int ended = 0;
		for (HttpSession session : this.sessions.values()) {
			if (event.user().username().equals(username(session))) {
				try {
					session.invalidate();
					ended++;
				}
				catch (IllegalStateException ex) {
					// Ended meanwhile: nothing left to do.
				}
			}
		}
		logger.info("Ended {} session(s) of user {} ({})", ended, event.user().id(), event.user().status());
	}

	private static String username(HttpSession session) {
		try {
			Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			Authentication authentication = (context instanceof SecurityContext securityContext)
					? securityContext.getAuthentication() : null;
			return (authentication != null) ? authentication.getName() : null;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

}
