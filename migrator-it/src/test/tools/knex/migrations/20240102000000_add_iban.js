exports.up = (knex) => knex.schema.alterTable('accounts', (t) => {
  t.string('iban', 34);
});

exports.down = (knex) => knex.schema.alterTable('accounts', (t) => {
  t.dropColumn('iban');
});
