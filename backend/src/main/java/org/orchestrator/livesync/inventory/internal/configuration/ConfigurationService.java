package org.orchestrator.livesync.inventory.internal.configuration;

import java.util.List;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.internal.ItemOperations;
import org.orchestrator.livesync.inventory.internal.Page;
import org.orchestrator.livesync.inventory.internal.PageQuery;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;

@Service
public class ConfigurationService implements ItemOperations<Configuration, ConfigurationView> {

	private final ConfigurationRepository configurations;

	ConfigurationService(ConfigurationRepository configurations) {
		this.configurations = configurations;
	}

	@Override
	public Mono<Page<ConfigurationView>> list(PageQuery query) {
		return Page.of(this.configurations.page(query), this.configurations.count(query), query);
	}

	@Override
	public Mono<ConfigurationView> get(String name) {
		return this.configurations.find(name).switchIfEmpty(Mono.error(() -> notFound(name)));
	}

	@Override
	public Mono<ConfigurationView> create(Configuration input) {
		return Mono.fromCallable(() -> Hashed.prepare(input))
			.flatMap((configuration) -> this.configurations.insert(List.of(configuration))
				.flatMap((inserted) -> (inserted == 0)
						? Mono.error(ProblemException
							.conflict("configuration '" + configuration.item().name() + "' already exists"))
						: get(configuration.item().name())));
	}

	@Override
	public Mono<ConfigurationView> replace(String name, Configuration input) {
		if (input.name() != null && !input.name().equals(name)) {
			return Mono.error(ProblemException.invalid("name",
					"cannot be changed (it identifies the configuration on every server); create a new one instead"));
		}
		Configuration named = new Configuration(name, input.kind(), input.content(), input.settings());
		return Mono.fromCallable(() -> Hashed.prepare(named))
			.flatMap((configuration) -> this.configurations.update(List.of(configuration)))
			.flatMap((updated) -> (updated == 0) ? Mono.error(notFound(name)) : get(name));
	}

	@Override
	public Mono<Void> delete(String name) {
		return this.configurations.delete(name)
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(notFound(name)) : Mono.empty());
	}

	@Override
	public String keyOf(ConfigurationView view) {
		return view.name();
	}

	private static ProblemException notFound(String name) {
		return ProblemException.notFound("configuration '" + name + "'");
	}

}
