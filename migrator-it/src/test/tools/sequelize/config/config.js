// SEQUELIZE_DIALECT is postgres or mysql; the connection comes from the environment.
const connection = {
  dialect: process.env.SEQUELIZE_DIALECT,
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT),
  username: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME,
  logging: false,
};

module.exports = { development: connection, test: connection, production: connection };
