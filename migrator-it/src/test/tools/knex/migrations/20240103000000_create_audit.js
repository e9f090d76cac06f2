exports.up = (knex) => knex.schema.createTable('audit_entries', (t) => {
  t.increments('id');
  t.integer('account_id').unsigned().notNullable().references('id').inTable('accounts');
  t.string('note', 200);
});

exports.down = (knex) => knex.schema.dropTable('audit_entries');
