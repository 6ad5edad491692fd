package org.orchestrator.livesync.inventory.internal.cluster;

import java.util.List;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.DatabaseErrors;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.inventory.internal.ItemOperations;
import org.orchestrator.livesync.inventory.internal.Page;
import org.orchestrator.livesync.inventory.internal.PageQuery;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

@Service
public class ClusterService implements ItemOperations<Cluster, ClusterView> {

	private final ClusterRepository clusters;

	private final TransactionalOperator transaction;

	ClusterService(ClusterRepository clusters, TransactionalOperator transaction) {
		this.clusters = clusters;
		this.transaction = transaction;
	}

	@Override
	public Mono<Page<ClusterView>> list(PageQuery query) {
		return Page.of(this.clusters.page(query), this.clusters.count(query), query);
	}

	@Override
	public Mono<ClusterView> get(String name) {
		return this.clusters.find(name).switchIfEmpty(Mono.error(() -> notFound(name)));
	}

	@Override
	public Mono<ClusterView> create(Cluster input) {
		return Mono.fromCallable(() -> Hashed.prepare(input))
			.flatMap(
					(cluster) -> checkMembers(input)
						.then(this.clusters.insert(List.of(cluster))
							.flatMap((inserted) -> (inserted == 0)
									? Mono.error(ProblemException
										.conflict("cluster '" + cluster.item().name() + "' already exists"))
									: this.clusters.replaceMembers(List.of(cluster)))
							.as(this.transaction::transactional))
						.onErrorMap(ClusterService::memberConflict)
						.then(get(cluster.item().name())));
	}

	@Override
	public Mono<ClusterView> replace(String name, Cluster input) {
		if (input.name() != null && !input.name().equals(name)) {
			return Mono.error(ProblemException.invalid("name",
					"cannot be changed (it identifies the cluster on every server); create a new cluster instead"));
		}
		Cluster named = new Cluster(name, input.description(), input.haEnabled(), input.settings(), input.nodes());
		return Mono.fromCallable(() -> Hashed.prepare(named))
			.flatMap((cluster) -> checkMembers(named)
				.then(this.clusters.update(List.of(cluster))
					.flatMap((updated) -> (updated == 0) ? Mono.error(notFound(name))
							: this.clusters.replaceMembers(List.of(cluster)))
					.as(this.transaction::transactional))
				.onErrorMap(ClusterService::memberConflict)
				.then(get(name)));
	}

	@Override
	public Mono<Void> delete(String name) {
		return this.clusters.delete(name)
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(notFound(name)) : Mono.empty());
	}

	@Override
	public String keyOf(ClusterView view) {
		return view.name();
	}

	/**
	 * Names each listed node that does not exist or already belongs to another cluster,
	 * by its place in the request.
	 */
	private Mono<Void> checkMembers(Cluster cluster) {
		List<String> hostnames = (cluster.nodes() != null)
				? cluster.nodes().stream().map(Cluster.Member::hostname).toList() : List.of();
		if (hostnames.isEmpty()) {
			return Mono.empty();
		}
		return this.clusters.checkMembers(cluster.name(), hostnames).collectList().flatMap((checks) -> {
			Violations violations = new Violations();
			for (ClusterRepository.MemberCheck check : checks) {
				String field = "nodes[" + hostnames.indexOf(check.hostname()) + "].hostname";
				if (!check.nodeExists()) {
					violations.add(field, "no node named '" + check.hostname() + "' exists");
				}
				else if (check.otherCluster() != null) {
					violations.add(field, "node '" + check.hostname() + "' already belongs to cluster '"
							+ check.otherCluster() + "'");
				}
			}
			return violations.isEmpty() ? Mono.empty() : Mono.error(ProblemException.invalid(violations.errors()));
		});
	}

	/** A race the check above could not see: another write took the node meanwhile. */
	private static Throwable memberConflict(Throwable ex) {
		DatabaseErrors error = DatabaseErrors.of(ex);
		if (error == null) {
			return ex;
		}
		if (error.is(DatabaseErrors.UNIQUE_VIOLATION, "cluster_nodes_hostname_key")) {
			return ProblemException.conflict("node '" + error.keyValue() + "' already belongs to another cluster");
		}
		if (error.is(DatabaseErrors.FOREIGN_KEY_VIOLATION, "cluster_nodes_hostname_fkey")) {
			return ProblemException.conflict("node '" + error.keyValue() + "' does not exist (any more)");
		}
		return ex;
	}

	private static ProblemException notFound(String name) {
		return ProblemException.notFound("cluster '" + name + "'");
	}

}
