package uk.interop.kb.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links: {@code /unsubscribe/<list>.<signature>}, where the list names what to
 * stop ({@code k.<account>.<KIND>} for a kind of message, {@code s.<account>.<saved search>} for one
 * alert) and the signature is an HMAC with a key kept in the database (made at first use, the same for
 * every instance, restored with a backup). Nothing per message is stored, and a link cannot be forged
 * or changed to stop someone else's messages.
 */
@Component
public class UnsubscribeLinks implements org.springframework.beans.factory.SmartInitializingSingleton {

	/** What a verified link stops. {@code kind} is set for a kind of message, {@code savedSearch} for an alert. */
	public record Scope(long accountId, Optional<EmailKind> kind, Optional<Long> savedSearch) {
	}

	private final JdbcClient jdbc;
	private final MailLinks links;
	private final Clock clock;
	private volatile byte[] key;

	UnsubscribeLinks(JdbcClient jdbc, MailLinks links, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.clock = clock;
	}

	/** Made at start-up, outside any feature's transaction, so a rolled-back change cannot take the key with it. */
	@Override
	public void afterSingletonsInstantiated() {
		key();
	}

	String forKind(long accountId, EmailKind kind) {
		return url("k." + accountId + "." + kind.name());
	}

	/** The link that turns off one saved search's alerts. */
	public String forSavedSearch(long accountId, long savedSearchId) {
		return url("s." + accountId + "." + savedSearchId);
	}

	Optional<Scope> verify(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		int dot = token.lastIndexOf('.');
		if (dot < 1) {
			return Optional.empty();
		}
		String list = token.substring(0, dot);
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(given, sign(list))) {
			return Optional.empty();
		}
		String[] parts = list.split("\\.");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			long account = Long.parseLong(parts[1]);
			return switch (parts[0]) {
				case "k" -> EmailKind.parse(parts[2]).filter(EmailKind::optional)
					.map(kind -> new Scope(account, Optional.of(kind), Optional.empty()));
				case "s" -> Optional.of(new Scope(account, Optional.empty(), Optional.of(Long.parseLong(parts[2]))));
				default -> Optional.empty();
			};
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private String url(String list) {
		return links.absolute("/unsubscribe/" + list + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(sign(list)));
	}

	private byte[] sign(String list) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] full = mac.doFinal(list.getBytes(StandardCharsets.UTF_8));
			return java.util.Arrays.copyOf(full, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] current = key;
		if (current == null) {
			current = loadOrCreate();
			key = current;
		}
		return current;
	}

	private byte[] loadOrCreate() {
		Optional<String> stored = jdbc.sql("select secret from notification_key where id = 1").query(String.class)
			.optional();
		if (stored.isPresent()) {
			return Base64.getDecoder().decode(stored.get());
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		try {
			jdbc.sql("insert into notification_key (id, secret, created_at) values (1, :secret, :now)")
				.param("secret", Base64.getEncoder().encodeToString(fresh))
				.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
		}
		catch (DuplicateKeyException another) {
			// Another instance made it first: use theirs.
		}
		return Base64.getDecoder().decode(
				jdbc.sql("select secret from notification_key where id = 1").query(String.class).single());
	}
}
