exports.up = (knex) => knex.schema.createTable('accounts', (t) => {
  t.increments('id');
  t.string('owner', 100).notNullable();
  t.decimal('balance', 12, 2).notNullable().defaultTo(0);
});

exports.down = (knex) => knex.schema.dropTable('accounts');
