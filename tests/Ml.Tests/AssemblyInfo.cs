// Training tests measure wall-clock budgets; other tests running beside them on two cores would make those numbers lie.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
