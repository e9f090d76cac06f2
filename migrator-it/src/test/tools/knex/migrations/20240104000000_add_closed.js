// Written after the fixture's history, so pending there.
exports.up = (knex) => knex.schema.alterTable('accounts', (t) => {
  t.boolean('closed').notNullable().defaultTo(false);
});

exports.down = (knex) => knex.schema.alterTable('accounts', (t) => {
  t.dropColumn('closed');
});
