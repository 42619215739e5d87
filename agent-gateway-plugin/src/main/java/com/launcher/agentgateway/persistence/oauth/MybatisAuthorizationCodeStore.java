package com.launcher.agentgateway.persistence.oauth;

import java.time.Instant;
import java.util.Optional;

import com.launcher.agentgateway.oauth.AuthorizationCode;
import com.launcher.agentgateway.oauth.AuthorizationCodeStore;
import org.apache.ibatis.session.SqlSession;

/**
 * Authorization codes in {@code agw_oauth_code}, by keyed hash. Presenting a code marks
 * it used in the statement that reads it, under the row's lock, so of two nodes
 * presenting one code only one sees a first use.
 */
public class MybatisAuthorizationCodeStore implements AuthorizationCodeStore {

	private final OAuthCodeMapper codes;

	public MybatisAuthorizationCodeStore(SqlSession sessions) {
		this.codes = sessions.getMapper(OAuthCodeMapper.class);
	}

	@Override
	public void insert(AuthorizationCode code, byte[] hash) {
		this.codes.insert(code, hash);
	}

	@Override
	public Optional<Claimed> claim(byte[] hash, Instant now) {
		return Optional.ofNullable(this.codes.claim(hash, now)).map(OAuthCodeMapper.ClaimedRow::claimed);
	}

	@Override
	public int deleteExpired(Instant before, int limit) {
		return this.codes.deleteExpired(before, limit);
	}

}
