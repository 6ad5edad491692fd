package org.orchestrator.livesync.support;

import org.orchestrator.livesync.system.Problem;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a response is an RFC 9457 problem of the expected status and code. */
public final class ProblemAssert {

	private ProblemAssert() {
	}

	public static Problem problem(WebTestClient.ResponseSpec response, int status, String code) {
		Problem problem = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Problem.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem).isNotNull();
		assertThat(problem.status()).isEqualTo(status);
		assertThat(problem.code()).isEqualTo(code);
		assertThat(problem.type()).isEqualTo("urn:live-sync:problem:" + code);
		assertThat(problem.title()).isNotBlank();
		assertThat(problem.detail()).isNotBlank();
		return problem;
	}

	/** Plain text posted where JSON is read: refused as 415 before anything else. */
	public static Problem unsupportedMediaType(WebTestClient client, String uri) {
		return problem(client.post().uri(uri).contentType(MediaType.TEXT_PLAIN).bodyValue("text").exchange(), 415,
				"unsupported-media-type");
	}

	/** The problem must list {@code field} among its invalid fields. */
	public static Problem invalidField(WebTestClient.ResponseSpec response, String field) {
		Problem problem = problem(response, 400, "validation");
		assertThat(problem.errors()).extracting(Problem.FieldError::field).contains(field);
		return problem;
	}

}
