// The notebook API in three calls; ./schedsim jshell starts the same interactively.
System.out.print(Scenarios.rayChaos().set("workers", 4).set("tasks", 500).seed(7).run().report());
Scenarios.of("chaos-swarm").variant("ignore-system-ignored").seed(2).run().violations()
        .forEach(v -> System.out.println(v.invariant() + " (" + v.source() + "): " + v.message()));
System.out.println(Scenarios.of("ray-chaos").set("workers", 4).set("tasks", 500).seeds(1, 20)
        .latency("failureDetection"));
