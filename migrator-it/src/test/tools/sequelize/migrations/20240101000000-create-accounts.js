'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('accounts', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      owner: { type: Sequelize.STRING(100), allowNull: false },
      balance: { type: Sequelize.DECIMAL(12, 2), allowNull: false, defaultValue: 0 },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('accounts');
  },
};
