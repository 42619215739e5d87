package com.launcher.host.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.HostUnavailableException;
import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserDirectory;
import com.launcher.host.api.user.UserStatus;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The user directory over the host's {@code launcher_user} table. */
@Component
public class JdbcUserDirectory implements UserDirectory {

	private static final String COLUMNS = "id, username, display_name, email, status, platform_admin";

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcUserDirectory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<LauncherUser> findById(UUID id) {
		return queryOne("SELECT " + COLUMNS + " FROM launcher_user WHERE id = :v", id);
	}

	@Override
	public Optional<LauncherUser> findByUsername(String username) {
		return queryOne("SELECT " + COLUMNS + " FROM launcher_user WHERE username = :v", username);
	}

	@Override
	public Map<UUID, UserStatus> statuses(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		try {
			Map<UUID, UserStatus> result = new HashMap<>();
			this.jdbc.query("SELECT id, status FROM launcher_user WHERE id IN (:ids)", Map.of("ids", ids), (rs) -> {
				result.put(rs.getObject("id", UUID.class), UserStatus.valueOf(rs.getString("status")));
			});
			return result;
		}
		catch (DataAccessException ex) {
			throw new HostUnavailableException("User directory unavailable", ex);
		}
	}

	public List<LauncherUser> findAll() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM launcher_user ORDER BY username", JdbcUserDirectory::map);
	}

	public Optional<String> credentials(String username) {
		return this.jdbc
			.query("SELECT password_hash FROM launcher_user WHERE username = :v", Map.of("v", username),
					(rs, i) -> rs.getString(1))
			.stream()
			.filter((hash) -> hash != null)
			.findFirst();
	}

	/**
	 * Sets a status and answers the previous one, atomically.
	 * @param id the user
	 * @param status the new status
	 * @return the previous status, or empty when the user does not exist
	 */
	Optional<UserStatus> updateStatus(UUID id, UserStatus status) {
		List<String> previous = this.jdbc.query(
				"UPDATE launcher_user u SET status = :status, status_changed_at = now() FROM"
						+ " (SELECT id, status FROM launcher_user WHERE id = :id FOR UPDATE) old"
						+ " WHERE u.id = old.id RETURNING old.status",
				new MapSqlParameterSource("id", id).addValue("status", status.name()), (rs, i) -> rs.getString(1));
		return previous.stream().findFirst().map(UserStatus::valueOf);
	}

	public void insert(LauncherUser user, String passwordHash) {
		this.jdbc.update(
				"INSERT INTO launcher_user (id, username, display_name, email, status, platform_admin, password_hash)"
						+ " VALUES (:id, :username, :displayName, :email, :status, :admin, :hash)"
						+ " ON CONFLICT (username) DO NOTHING",
				new MapSqlParameterSource("id", user.id()).addValue("username", user.username())
					.addValue("displayName", user.displayName())
					.addValue("email", user.email())
					.addValue("status", user.status().name())
					.addValue("admin", user.platformAdmin())
					.addValue("hash", passwordHash));
	}

	private Optional<LauncherUser> queryOne(String sql, Object value) {
		try {
			return this.jdbc.query(sql, Map.of("v", value), JdbcUserDirectory::map).stream().findFirst();
		}
		catch (DataAccessException ex) {
			throw new HostUnavailableException("User directory unavailable", ex);
		}
	}

	private static LauncherUser map(ResultSet rs, int row) throws SQLException {
		return new LauncherUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), UserStatus.valueOf(rs.getString("status")), rs.getBoolean("platform_admin"));
	}

}
