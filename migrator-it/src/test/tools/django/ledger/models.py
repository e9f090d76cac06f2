from django.db import models


class Account(models.Model):
    owner = models.CharField(max_length=100)
    balance = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    iban = models.CharField(max_length=34, null=True)
    closed = models.BooleanField(default=False)
