import { databaseName, migrateStore, startSubgraph, type KitConfig, type SubgraphModule } from '@loyalnest/kit';

/** Creates each subgraph's database and roles if missing and applies its pending migrations. */
export async function migrateAll(config: KitConfig, modules: SubgraphModule[], log: (line: string) => void = console.log): Promise<void> {
  for (const module of modules) {
    const applied = await migrateStore(config, module.store);
    const label = `${module.store.name} (${databaseName(config, module.store.name)})`;
    log(`migrate: ${label} ${applied.length ? `applied ${applied.length} migration(s)` : 'up to date'}`);
  }
}

/** Loads each subgraph's demo data, in the modules' order; every seed is idempotent. */
export async function seedAll(config: KitConfig, modules: SubgraphModule[], log: (line: string) => void = console.log): Promise<void> {
  for (const module of modules) {
    if (!module.seed) continue;
    const runtime = await startSubgraph(module, config, { poolSize: 2 });
    try {
      await module.seed(runtime);
    } finally {
      await runtime.close();
    }
    log(`seed: demo data present in ${module.name} (${databaseName(config, module.store.name)})`);
  }
}
