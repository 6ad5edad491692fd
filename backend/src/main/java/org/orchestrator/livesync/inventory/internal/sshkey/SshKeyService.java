package org.orchestrator.livesync.inventory.internal.sshkey;

import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.crypto.AtRestEncryption;
import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.DatabaseErrors;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.internal.ItemOperations;
import org.orchestrator.livesync.inventory.internal.Page;
import org.orchestrator.livesync.inventory.internal.PageQuery;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;

@Service
public class SshKeyService implements ItemOperations<SshKey, SshKeyView> {

	private final SshKeyRepository keys;

	private final AtRestEncryption encryption;

	SshKeyService(SshKeyRepository keys, AtRestEncryption encryption) {
		this.keys = keys;
		this.encryption = encryption;
	}

	/** The row to store: the private key encrypted, bound to the key's name. */
	public SshKeyRepository.Row toRow(Hashed<SshKey> key) {
		SshKey item = key.item();
		String ciphertext = (item.privateKey() != null)
				? this.encryption.encrypt(item.privateKey(), context(item.name())) : null;
		return new SshKeyRepository.Row(item.name(), item.publicKey(), item.fingerprint(), ciphertext,
				SshKeyFormats.privateKeyFingerprint(item.privateKey()), item.path(), key.contentHash());
	}

	/**
	 * Keys as a peer may see them: the private key replaced by its fingerprint, so a
	 * changed private key shows as a changed fingerprint and nothing more.
	 */
	public Flux<ItemSnapshot> peerSnapshots(List<String> names) {
		return this.keys.rows(names).map((row) -> {
			ObjectNode content = CanonicalJson.tree(new SshKey(row.name(), row.publicKey(), null, row.path()));
			content.put("fingerprint", row.fingerprint());
			if (row.privateKeyFingerprint() != null) {
				content.put("private_key_fingerprint", row.privateKeyFingerprint());
			}
			return new ItemSnapshot(ItemKind.SSH_KEY, row.name(), row.contentHash(), content);
		});
	}

	/** Keys with their private key in clear: for encrypted sync packages only. */
	public Flux<ItemSnapshot> packageSnapshots(List<String> names) {
		return this.keys.rows(names).map((row) -> {
			String privateKey = (row.privateKeyCiphertext() != null)
					? this.encryption.decrypt(row.privateKeyCiphertext(), context(row.name())) : null;
			return new ItemSnapshot(ItemKind.SSH_KEY, row.name(), row.contentHash(),
					CanonicalJson.tree(new SshKey(row.name(), row.publicKey(), privateKey, row.path())));
		});
	}

	/**
	 * The decrypted private key of a stored key; for sync packages only, never for
	 * responses.
	 */
	public Mono<String> privateKey(String name) {
		return this.keys.privateKeyCiphertext(name)
			.map((ciphertext) -> this.encryption.decrypt(ciphertext, context(name)));
	}

	@Override
	public Mono<Page<SshKeyView>> list(PageQuery query) {
		return Page.of(this.keys.page(query), this.keys.count(query), query);
	}

	@Override
	public Mono<SshKeyView> get(String name) {
		return this.keys.find(name).switchIfEmpty(Mono.error(() -> notFound(name)));
	}

	@Override
	public Mono<SshKeyView> create(SshKey input) {
		return Mono.fromCallable(() -> toRow(Hashed.prepare(input)))
			.flatMap((row) -> this.keys.insert(List.of(row))
				.flatMap((inserted) -> (inserted == 0)
						? Mono.error(ProblemException.conflict("SSH key '" + row.name() + "' already exists"))
						: get(row.name())));
	}

	/** Replaces a key; without a private key in the request the stored one is kept. */
	@Override
	public Mono<SshKeyView> replace(String name, SshKey input) {
		if (input.name() != null && !input.name().equals(name)) {
			return Mono.error(ProblemException.invalid("name",
					"cannot be changed (it identifies the key on every server); create a new key instead"));
		}
		Mono<String> privateKey = (input.privateKey() != null) ? Mono.just(input.privateKey()) : privateKey(name);
		return this.keys.find(name)
			.switchIfEmpty(Mono.error(() -> notFound(name)))
			.then(privateKey.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
			.map((kept) -> toRow(Hashed.prepare(new SshKey(name, input.publicKey(), kept.orElse(null), input.path()))))
			.flatMap((row) -> this.keys.update(List.of(row)))
			.flatMap((updated) -> (updated == 0) ? Mono.error(notFound(name)) : get(name));
	}

	@Override
	public Mono<Void> delete(String name) {
		return this.keys.delete(name).onErrorResume((ex) -> {
			DatabaseErrors error = DatabaseErrors.of(ex);
			if (error != null && error.is(DatabaseErrors.FOREIGN_KEY_VIOLATION, "nodes_ssh_key_fkey")) {
				return this.keys.nodesUsing(name, 5)
					.collect(Collectors.joining(", "))
					.flatMap((nodes) -> Mono.error(ProblemException.conflict(
							"SSH key '" + name + "' is used by node(s) " + nodes + "; change those nodes first")));
			}
			return Mono.error(ex);
		}).flatMap((deleted) -> (deleted == 0) ? Mono.error(notFound(name)) : Mono.empty());
	}

	private static String context(String name) {
		return "ssh-key:" + name;
	}

	@Override
	public String keyOf(SshKeyView view) {
		return view.name();
	}

	private static ProblemException notFound(String name) {
		return ProblemException.notFound("SSH key '" + name + "'");
	}

}
