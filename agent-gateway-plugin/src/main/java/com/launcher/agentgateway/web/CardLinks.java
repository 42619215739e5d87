package com.launcher.agentgateway.web;

import java.net.URI;
import java.util.Optional;

/**
 * Where a person opens a card in Tasker's web app, for the links beside an agent's
 * changes. Wired in {@code config/} from the host's Tasker client; {@link #NONE} where
 * the host knows no web address, and the pages then show the readable id without a link.
 */
@FunctionalInterface
public interface CardLinks {

	CardLinks NONE = (workspace, cardId) -> Optional.empty();

	/**
	 * The card's address in Tasker.
	 * @param workspace the workspace slug
	 * @param cardId the readable id, such as {@code WEB-12}
	 * @return the address, when one is known
	 */
	Optional<URI> link(String workspace, String cardId);

}
