package uk.interop.kb.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.ApiTokenService;
import uk.interop.kb.account.KbUser;
import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.ApiClient;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API bodies are bounded as they are read: a chunked body (no Content-Length to check first) is cut
 * off at the limit, and Jackson's read limits refuse what would be costly inside it (millions of
 * unknown properties, deep nesting). Each is a 413 in problem details, and nothing is created.
 */
@KbApplicationTest
class ApiBodyLimitTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private String token;

	@BeforeEach
	void token() {
		String username = accounts.fresh("body-limit", Role.CONTRIBUTOR);
		token = tokens.create((KbUser) users.loadUserByUsername(username), "limits " + System.nanoTime(), "1", "test")
			.secret();
	}

	private int submissions() {
		return JSON.readTree(new ApiClient(port, token).get("/api/v1/submissions").body()).size();
	}

	private RawHttp.Response postChunked(byte[] json) {
		return new RawHttp(port).send("POST", "/api/v1/submissions", Map.of("Authorization", "Bearer " + token,
				"Content-Type", "application/json", "Accept", "application/json", "Transfer-Encoding", "chunked"),
				RawHttp.chunked(json, 8192));
	}

	private static byte[] withUnknownProperties(int count) {
		StringBuilder json = new StringBuilder("{\"title\":\"Chunked lesson\",\"summary\":\"s\",\"type\":\"lesson\"");
		for (int i = 0; i < count; i++) {
			json.append(",\"u").append(i).append("\":1");
		}
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void assertTooLarge(RawHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("application/problem+json"));
		assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(413);
		assertThat(JSON.readTree(response.body()).get("title").asString()).isEqualTo("Request too large");
	}

	@Test
	void aChunkedBodyOfMegabytesIsRefusedAsItIsRead() {
		int before = submissions();

		assertTooLarge(postChunked(withUnknownProperties(500_000)));

		assertThat(submissions()).isEqualTo(before);
	}

	@Test
	void aSmallBodyWithTensOfThousandsOfUnknownPropertiesIsRefused() {
		byte[] body = withUnknownProperties(12_000);
		assertThat(body.length).isLessThan((int) ApiBodyLimitFilter.MAX_BYTES);
		int before = submissions();

		assertTooLarge(postChunked(body));

		assertThat(submissions()).isEqualTo(before);
	}

	@Test
	void deeplyNestedJsonIsRefused() {
		// An unknown property: Jackson skips its value token by token, so only the nesting limit stops it.
		String nested = "{\"title\":\"Deep\",\"deep\":" + "[".repeat(200) + "1" + "]".repeat(200) + "}";

		assertTooLarge(postChunked(nested.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
		byte[] body = withUnknownProperties(40_000);
		assertThat(body.length).isGreaterThan((int) ApiBodyLimitFilter.MAX_BYTES);

		assertTooLarge(new RawHttp(port).send("POST", "/api/v1/submissions", Map.of("Authorization",
				"Bearer " + token, "Content-Type", "application/json", "Accept", "application/json"), body));
	}

	@Test
	void anOrdinaryChunkedBodyStillWorks() {
		String lesson = """
				{"title":"Chunked but ordinary lesson about herons","summary":"A summary.","type":"lesson",
				 "levels":["semantic"],"themes":["data-quality"],"outcome":"worked","visibility":"public",
				 "body":"## What happened\\n\\nHerons were counted."}""";

		RawHttp.Response created = postChunked(lesson.getBytes(StandardCharsets.UTF_8));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}
}
