package org.orchestrator.livesync.sync.internal.transfer;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Applies packages of the whole form on the target ({@code /receive}): opened in memory,
 * as the body was read whole anyway, then applied once, all or nothing.
 */
@Service
public class WholePackageReceiver {

	private final WholePackageSealer sealer;

	private final PackageApplier applier;

	WholePackageReceiver(WholePackageSealer sealer, PackageApplier applier) {
		this.sealer = sealer;
		this.applier = applier;
	}

	public Mono<ReceiveResult> receive(SyncPackage received) {
		return this.applier.once(received,
				() -> this.sealer.open(received)
					.flatMap((payload) -> this.applier.apply(received,
							LineReader.read(() -> payload, (totals) -> WholePackageSealer.checkEnd(received, totals)),
							false)));
	}

}
