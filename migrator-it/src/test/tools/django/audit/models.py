from django.db import models


class Entry(models.Model):
    account = models.ForeignKey("ledger.Account", on_delete=models.CASCADE)
    note = models.CharField(max_length=200, null=True)
