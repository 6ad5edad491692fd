package org.orchestrator.livesync.inventory.internal.node;

import java.util.List;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.DatabaseErrors;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.internal.ItemOperations;
import org.orchestrator.livesync.inventory.internal.Page;
import org.orchestrator.livesync.inventory.internal.PageQuery;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;

@Service
public class NodeService implements ItemOperations<Node, NodeView> {

	private final NodeRepository nodes;

	NodeService(NodeRepository nodes) {
		this.nodes = nodes;
	}

	@Override
	public Mono<Page<NodeView>> list(PageQuery query) {
		return Page.of(this.nodes.page(query), this.nodes.count(query), query);
	}

	@Override
	public Mono<NodeView> get(String hostname) {
		return this.nodes.find(hostname).switchIfEmpty(Mono.error(() -> notFound(hostname)));
	}

	@Override
	public Mono<NodeView> create(Node input) {
		return Mono.fromCallable(() -> Hashed.prepare(input))
			.flatMap((node) -> this.nodes.insert(List.of(node))
				.onErrorMap((ex) -> unknownKey(ex, node.item()))
				.flatMap((inserted) -> (inserted == 0)
						? Mono.error(ProblemException.conflict("node '" + node.item().hostname() + "' already exists"))
						: get(node.item().hostname())));
	}

	@Override
	public Mono<NodeView> replace(String hostname, Node input) {
		if (input.hostname() != null && !input.hostname().equals(hostname)) {
			return Mono.error(ProblemException.invalid("hostname",
					"cannot be changed (it identifies the node on every server); create a new node instead"));
		}
		Node named = new Node(hostname, input.ip(), input.username(), input.sshPort(), input.sshKey(),
				input.microk8sStatus(), input.wol(), input.hardware());
		return Mono.fromCallable(() -> Hashed.prepare(named))
			.flatMap((node) -> this.nodes.update(List.of(node))
				.onErrorMap((ex) -> unknownKey(ex, node.item()))
				.flatMap((updated) -> (updated == 0) ? Mono.error(notFound(hostname)) : get(hostname)));
	}

	@Override
	public Mono<Void> delete(String hostname) {
		return this.nodes.delete(hostname).onErrorResume((ex) -> {
			DatabaseErrors error = DatabaseErrors.of(ex);
			if (error != null && error.is(DatabaseErrors.FOREIGN_KEY_VIOLATION, "cluster_nodes_hostname_fkey")) {
				return this.nodes.clusterOf(hostname)
					.defaultIfEmpty("?")
					.flatMap((cluster) -> Mono.error(ProblemException.conflict("node '" + hostname
							+ "' belongs to cluster '" + cluster + "'; remove it from the cluster first")));
			}
			return Mono.error(ex);
		}).flatMap((deleted) -> (deleted == 0) ? Mono.error(notFound(hostname)) : Mono.empty());
	}

	private static Throwable unknownKey(Throwable ex, Node node) {
		DatabaseErrors error = DatabaseErrors.of(ex);
		if (error != null && error.is(DatabaseErrors.FOREIGN_KEY_VIOLATION, "nodes_ssh_key_fkey")) {
			return ProblemException.invalid("ssh_key", "no SSH key named '" + node.sshKey() + "' exists");
		}
		return ex;
	}

	@Override
	public String keyOf(NodeView view) {
		return view.hostname();
	}

	private static ProblemException notFound(String hostname) {
		return ProblemException.notFound("node '" + hostname + "'");
	}

}
