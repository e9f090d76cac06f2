CLUSTER payments USING payments_pkey;
