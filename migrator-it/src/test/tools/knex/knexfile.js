// A small Knex project whose real history migrator adopts (see ../regenerate.sh).
// KNEX_CLIENT is pg or mysql2; the connection comes from the environment.
module.exports = {
  client: process.env.KNEX_CLIENT,
  connection: {
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
    database: process.env.DB_NAME,
  },
  migrations: { directory: require('path').join(__dirname, 'migrations') },
};
