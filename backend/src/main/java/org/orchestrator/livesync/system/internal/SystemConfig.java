package org.orchestrator.livesync.system.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfig {

	/**
	 * Netty resources of this application context alone: stopping one server in a JVM (as
	 * tests do, with two servers syncing) must not close the event loops of another.
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setShutdownQuietPeriod(Duration.ZERO);
		return factory;
	}

	/** One clock for tokens and timestamps, so tests can move time instead of waiting. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
