'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('accounts', 'iban', { type: Sequelize.STRING(34) });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('accounts', 'iban');
  },
};
