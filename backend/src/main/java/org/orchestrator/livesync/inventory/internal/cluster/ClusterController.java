package org.orchestrator.livesync.inventory.internal.cluster;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.orchestrator.livesync.inventory.internal.ItemController;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clusters with their node assignments, addressed by name. */
@Tag(name = "Clusters", description = "MicroK8s clusters and their node assignments")
@RestController
@RequestMapping("/api/v1/clusters")
class ClusterController extends ItemController<Cluster, ClusterView> {

	ClusterController(ClusterService clusters) {
		super(clusters);
	}

}
