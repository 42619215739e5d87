package com.launcher.agentgateway.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantStore;
import org.apache.ibatis.session.SqlSession;

import org.springframework.dao.DuplicateKeyException;

/** Grants in {@code agw_grant}. */
public class MybatisGrantStore implements GrantStore {

	private final GrantMapper grants;

	public MybatisGrantStore(SqlSession sessions) {
		this.grants = sessions.getMapper(GrantMapper.class);
	}

	@Override
	public void insert(Grant grant) {
		try {
			this.grants.insert(grant);
		}
		catch (DuplicateKeyException ex) {
			throw new GatewayException(ErrorCode.GRANT_EXISTS, "projectId", Map.of(), null);
		}
	}

	@Override
	public List<Grant> findByAgent(UUID agentId) {
		return this.grants.findByAgent(agentId);
	}

	@Override
	public Optional<Grant> findById(UUID grantId) {
		return Optional.ofNullable(this.grants.findById(grantId));
	}

	@Override
	public boolean delete(UUID grantId) {
		return this.grants.delete(grantId) == 1;
	}

	@Override
	public boolean updateAccess(UUID grantId, Access access) {
		return this.grants.updateAccess(grantId, access) == 1;
	}

}
